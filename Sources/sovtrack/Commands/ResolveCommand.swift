import ArgumentParser
import DealKit

/// `sovtrack resolve`: choose a side of a field a merge left conflicted.
struct ResolveCommand: ParsableCommand {
    /// Which side of a conflict to keep.
    enum Side: String, ExpressibleByArgument, CaseIterable { case ours, theirs }

    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a merge conflict of one deal by taking our or their value.",
        discussion: """
        'sovtrack validate' lists the conflicts a merge left (the store's "conflicts"). The \
        choice is recorded in the history; then 'git add' the store to finish git's merge.
        Examples:
          sovtrack resolve kr-naver-nvidia-dsx-sejong --field capacity --take theirs
          sovtrack resolve kr-naver-nvidia-dsx-sejong --take ours
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The deal's id.") var id: String
    @Option(help: ArgumentHelp("The conflicted field (default: every conflict of the deal).", valueName: "field")) var field: String?
    @Option(help: "ours or theirs.") var take: Side
    @Option(help: "Why: recorded with the change in the history.") var note: String?

    func run() throws {
        let store = try storeOptions.open(recording: true, note: note, action: "resolve")
        let settled = try store.update { feed in
            let all: [MergeConflict]
            do throws(HistoryError) { all = try MergeConflict.all(in: feed) } catch {
                throw CLIError.data("\(storeOptions.path): \(error.description)")
            }
            let chosen = all.filter { $0.id == id && (field == nil || $0.field == field) }
            guard !chosen.isEmpty else {
                throw CLIError.data("no merge conflict for \(FeedIssue.quote(id))\(field.map { " field \(FeedIssue.quote($0))" } ?? "")")
            }
            for c in chosen { try ResolveCommand.apply(c, take: take, to: &feed) }
            MergeConflict.store(all.filter { !chosen.contains($0) }, in: &feed)
            return chosen.count
        }
        Console.out("resolved \(settled) conflict\(settled == 1 ? "" : "s") of \(id) with \(take.rawValue)\n")
    }

    /// Sets the conflicted field (or the whole deal) to the chosen side's value.
    static func apply(_ c: MergeConflict, take: Side, to feed: inout Feed) throws {
        let value = take == .ours ? c.ours : c.theirs
        let at = feed.index(of: c.id)
        var fields: [JSONField]?
        if c.field == "deal" {
            if case .object(let f)? = value { fields = f }
        } else {
            guard let at else { throw CLIError.data("\(c.id): no such deal to resolve") }
            let current = DealFields.fields(of: feed.deals[at])
            let parts = c.field.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, case .object(let members)? = DealFields.value(parts[0], in: current) {
                // A member of an object (capacity.targetMW): set it, keep the other members.
                var object = members
                if let i = object.firstIndex(where: { $0.key == parts[1] }) {
                    if let value { object[i].value = value } else { object.remove(at: i) }
                } else if let value {
                    object.append(JSONField(parts[1], value))
                }
                fields = DealFields.setting(parts[0], to: .object(object), in: current)
            } else {
                fields = DealFields.setting(c.field, to: value, in: current)
            }
        }
        guard let fields else {
            if let at { feed.deals.remove(at: at) }
            return
        }
        switch DealFields.deal(from: fields) {
        case .success(let deal):
            if let at { feed.deals[at] = deal } else { feed.deals.append(deal) }
        case .failure(let e):
            throw StoreError.invalidChange(issues: e.issues)
        }
    }
}
