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
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let id = self.id
        if json && md { throw CLIError.usage("--json and --md: choose one") }
        let selection = try asOf.select(storeOptions, id: id)
        guard let deal = selection.deals.first else {
            // Only on this path is every id read, to name the nearest ones.
            let ids = (try? storeOptions.load().1.feed.deals.map(\.id)) ?? []
            throw CLIError(
                message: StoreError.noSuchDeal(id: id).description + Suggest.phrase(Suggest.nearest(id, among: ids)),
                code: 65)
        }
        if md {
            Console.out(DealText.markdown(deal, today: CalendarClock.today()))
        } else if json {
            Console.out(FeedEncoder.encode(Feed(updated: selection.updated, deals: [deal])))
        } else {
            Console.out(DealText.render(deal, today: CalendarClock.today()))
            // The deal's revisions, newest first; a history that does not read is left to `validate`.
            let revisions = ((try? History(of: Feed(extra: selection.extra)))?.newestFirst ?? []).filter { $0.id == id }
            if !revisions.isEmpty {
                var text = "\nHistory\n"
                for r in revisions {
                    let line =
                        "\(r.at)  \(r.author)  \(r.action): \(RevisionExport.summary(r))"
                        + (r.note.map { " — \($0)" } ?? "")
                    text += "  " + SafeText.sanitize(line) + "\n"
                }
                Console.out(text)
            }
        }
    }
}
