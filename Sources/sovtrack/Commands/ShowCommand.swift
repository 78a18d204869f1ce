import ArgumentParser
import DealKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one deal, whole, with its timeline and sources.",
        discussion: """
        Examples:
          sovtrack show kr-naver-nvidia-dsx-sejong
          sovtrack show kr-naver-nvidia-dsx-sejong --json
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The deal's id.") var id: String
    @Flag(help: "Print the deal as a one-deal feed (JSON).") var json = false

    func run() throws {
        let id = self.id
        let selection = try storeOptions.select { $0.id == id }
        guard let deal = selection.deals.first else {
            // Only on this path is every id read, to name the nearest ones.
            let ids = (try? storeOptions.load().1.feed.deals.map(\.id)) ?? []
            throw CLIError(message: StoreError.noSuchDeal(id: id).description + Suggest.phrase(Suggest.nearest(id, among: ids)), code: 65)
        }
        if json {
            Console.out(FeedEncoder.encode(Feed(updated: selection.updated, deals: [deal])))
        } else {
            Console.out(DealText.render(deal, today: Clock.today()))
        }
    }
}
