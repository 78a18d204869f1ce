import ArgumentParser
import DealKit

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove one deal.",
        discussion: """
            The previous store is kept as a backup beside it (PATH.bak.1).
            Example:
              sovtrack remove gb-sovereign-ai-factory
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Why: recorded with the change in the history (see 'sovtrack log').") var note: String?
    @Argument(help: "The deal's id.") var id: String

    func run() throws {
        let store = try storeOptions.open(recording: true, note: note)
        try store.update(deal: id) { deal in
            guard deal != nil else { throw StoreError.noSuchDeal(id: id) }
            deal = nil
        }
        Console.out("removed \(id)\n")
    }
}
