import ArgumentParser
import DealKit

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change the named fields of one deal, keep the rest.",
        discussion: """
            A repeatable option given replaces that whole list; "" clears a text field and \
            "unknown" clears a MW figure.
            Examples:
              sovtrack edit kr-naver-nvidia-dsx-sejong \\
                --operational-mw 55 --status operational
              sovtrack edit kr-skt-nvidia-ai-cloud \\
                --milestone "2027:First AI factory online"
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Why: recorded with the change in the history (see 'sovtrack log').") var note: String?
    @Argument(help: "The deal's id.") var id: String
    @OptionGroup var fields: DealFieldOptions

    func run() throws {
        var probe = Deal(id: id, title: "x", country: "KR", announced: PartialDate(year: 2000, month: 1, day: 1))
        try fields.apply(to: &probe)
        let store = try storeOptions.open(recording: true, note: note)
        let changed = try store.update(deal: id) { deal in
            guard deal != nil else { throw StoreError.noSuchDeal(id: id) }
            try fields.apply(to: &deal!)
        }
        Console.out(changed ? "updated \(id)\n" : "unchanged \(id)\n")
    }
}
