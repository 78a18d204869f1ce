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
          sovtrack show kr-naver-nvidia-dsx-sejong --md > naver.md
        Each figure is followed by the numbers of the sources that state it (55 MW [1]); the \
        sources are listed, numbered, at the end.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The deal's id.") var id: String
    @Flag(help: "Print the deal as a one-deal feed (JSON).") var json = false
    @Flag(help: "Print the deal as Markdown, each figure with its citation.") var md = false

    func run() throws {
        let id = self.id
        let selection = try storeOptions.select { $0.id == id }
        guard let deal = selection.deals.first else { throw CLIError(StoreError.noSuchDeal(id: id)) }
        if json && md { throw CLIError.usage("--json and --md: choose one") }
        if md {
            Console.out(DealText.markdown(deal))
        } else if json {
            Console.out(FeedEncoder.encode(Feed(updated: selection.updated, deals: [deal])))
        } else {
            Console.out(DealText.render(deal))
        }
    }
}
