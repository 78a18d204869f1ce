import ArgumentParser
import DealKit

/// `sovtrack merge BASE OURS THEIRS`: git's merge driver for the store.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract:
            "Merge two versions of a feed with their common ancestor, per deal and per field (a git merge driver).",
        discussion: """
            Writes the result over OURS, as git expects of a merge driver. A field changed on one \
            side takes that change; two people editing different fields (or different deals) merge \
            cleanly; both histories are kept. A field changed two ways keeps ours, is listed in \
            the feed's "conflicts" (so 'sovtrack validate' reports it) and makes the exit status 1, \
            so git sees the merge as conflicted; choose with 'sovtrack resolve'. An invalid input \
            is refused (exit 2) and nothing is written. docs/history.md has the git setup:
              .gitattributes:  deals.json merge=sovtrack diff=sovtrack
              git config merge.sovtrack.driver "sovtrack merge %O %A %B"
            """)

    @Argument(help: "The common ancestor (git's %O).") var base: String
    @Argument(help: "Our version, overwritten with the result (git's %A).") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String

    func run() throws {
        let result: FeedMerge.Result
        do {
            let b = try MergeCommand.read(base, emptyIfMissing: true)
            let o = try MergeCommand.read(ours)
            let t = try MergeCommand.read(theirs)
            result = FeedMerge.merge(base: b, ours: o, theirs: t)
            let errors = DealValidator.issues(for: result.feed).filter(\.isError)
            if !errors.isEmpty {
                throw CLIError(
                    message: StoreError.invalidChange(issues: errors).description
                        + " (merge refused; \(ours) is unchanged)", code: 2)
            }
            // OURS is the store as this side of the merge has it.
            try StoreError.onStore { try FileSystem.writeAtomically(FeedEncoder.encode(result.feed), to: ours) }
        } catch {
            throw CLIError(converting: error)?.with(code: 2) ?? error
        }
        for c in result.conflicts {
            Console.err(
                "conflict: \(SafeText.sanitize(c.id)): \(SafeText.sanitize(c.field)) changed both ways; sovtrack resolve \(SafeText.sanitize(c.id)) --field \(SafeText.sanitize(c.field)) --take ours|theirs"
            )
        }
        if !result.conflicts.isEmpty { throw ExitCode(1) }
    }

    /// A side of the merge; git gives an empty base file when the store is new on both sides.
    static func read(_ path: String, emptyIfMissing: Bool = false) throws -> Feed {
        let bytes: [UInt8]
        bytes = try FileSystem.read(path)
        if emptyIfMissing && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Feed()
        }
        return try FeedOperand.decode(bytes, name: path)
    }
}
