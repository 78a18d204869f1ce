import DealKit

/// The export choice after `x`: a format key writes the file, any other key cancels.
enum ExportKeys {
    static func key(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        let format: OutputFormat?
        switch e {
        case .char("m"), .char("1"): format = .md
        case .char("c"), .char("2"): format = .csv
        case .char("j"), .char("3"): format = .json
        case .char("r"), .char("4"): format = .html
        default: format = nil
        }
        s.overlay = nil
        return format.map { [.export($0)] } ?? []
    }
}
