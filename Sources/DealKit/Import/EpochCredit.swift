/// The credit Epoch AI's licence (CC BY 4.0) asks for, wherever its data is shown.
public enum EpochCredit {
    /// The credit line: the dataset, its licence and where it is.
    public static let text = "Epoch AI, GPU Clusters dataset (CC BY 4.0), https://epoch.ai/data/gpu-clusters"

    /// True for a deal the Epoch importer made (its ids all start `epoch-`); read from the id
    /// alone so that a summary, which keeps little of each deal, can still tell.
    public static func isFromEpoch(_ deal: Deal) -> Bool { deal.id.hasPrefix(EpochID.prefix) }

    /// The line under a table or Markdown report that shows Epoch's data; nothing for CSV and
    /// JSON, which must stay data only (there each deal's first source is the credit).
    public static func footer(shown: Bool, format: OutputFormat) -> [UInt8] {
        guard shown else { return [] }
        switch format {
        case .table: return Array("\nData: \(text)\n".utf8)
        case .md: return Array("\nData: \(text)\n".utf8)
        case .csv, .json, .html: return []
        }
    }
}
