import ArgumentParser
import DealKit

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one deal.",
        discussion: """
            Example:
              sovtrack add --id jp-sakura-hokkaido \\
                --title "Sakura Internet AI cloud in Hokkaido" \\
                --country JP --announced 2026-Q3 --partner NVIDIA:vendor \\
                --initial-mw 30 --target-mw 300 --confidence reported \\
                --milestone "2027:Phase 1 online" \\
                --source https://example.com/article
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Why: recorded with the change in the history (see 'sovtrack log').") var note: String?
    @Option(help: "Stable identity: lower-case letters, digits and '-'.") var id: String
    @OptionGroup var fields: DealFieldOptions

    func validate() throws {
        if fields.title == nil { throw ValidationError("missing --title") }
        if fields.country == nil { throw ValidationError("missing --country") }
        if fields.announced == nil { throw ValidationError("missing --announced") }
    }

    func run() throws {
        if let p = DealValidator.idProblem(id) { throw CLIError.usage("--id: \(p)") }
        var deal = Deal(id: id, title: "", country: "", announced: PartialDate(year: 1, month: 1, day: 1))
        try fields.apply(to: &deal)
        let store = try storeOptions.open(recording: true, note: note)
        try store.update(deal: deal.id, createIfMissing: true) { existing in
            if existing != nil { throw StoreError.duplicateDeal(id: deal.id) }
            existing = deal
        }
        for w in DealValidator.warnings(for: deal, at: deal.id) { Console.err("warning: \(w.message)") }
        Console.out("added \(deal.id)\n")
    }
}
