import Foundation

/// A feed (`.json`) or a CSV file of the feed's columns, read and checked, ready to merge
/// into a feed by id: what `sovtrack import` does without `--from epoch`.
///
/// As with `EpochImport`, reading does all the work that does not need the store, so that
/// the store's lock is held only for the merge and the save.
public struct FeedImport: Sendable {
    /// Why a whole file cannot be imported.
    public enum Refusal: Error, Sendable, Equatable {
        /// The CSV file does not read as the feed's columns; `looksLikeEpoch`: its header is
        /// Epoch AI's GPU clusters CSV, which `--from epoch` reads.
        case csv(CSVError, looksLikeEpoch: Bool)
        /// The feed has errors: the first ones (`FeedDecoder.issueLimit`), how many in all, and
        /// how many the decoder counted without listing.
        case feed(errors: [FeedIssue], count: Int, omitted: Int)
    }

    /// The deals as the file gives them.
    private enum Incoming: Sendable {
        /// A reader at the first row of a CSV file that was read whole without error: the rows
        /// are read again one at a time as the merge takes them, never all held (a file of
        /// short rows took 46 times its size when they were).
        case csv(DealCSV.Reader)
        /// `mentioned`: each deal as written, to know which keys it gives (nil when they do not
        /// line up with the decoded deals).
        case feed([Deal], mentioned: [[JSONField]]?)
    }

    /// The file's name, which begins every problem (`FILE:LINE: …`, `FILE: deals[N]: …`).
    public let name: String
    /// An incoming deal replaces the stored one whole, instead of adding to it.
    public let replace: Bool
    private let incoming: Incoming

    /// Reads a file: CSV of the feed's columns when `csv`, else a feed.
    public static func read(_ data: [UInt8], csv: Bool, name: String, replace: Bool) throws(Refusal) -> FeedImport {
        if csv {
            do {
                // Read whole first, keeping nothing, so that a broken file is refused before the
                // store is touched.
                var reader = try DealCSV.Reader(data)
                let firstRow = reader
                while try reader.next() != nil {}
                return FeedImport(name: name, replace: replace, incoming: .csv(firstRow))
            } catch {
                // Epoch's file read as the feed's CSV fails on its header: the caller says what to do instead.
                var records = try? CSVReader(data)
                let epoch = (try? records?.next()).map { EpochHeader($0.fields).missingRequired.isEmpty } == true
                throw .csv(error as? CSVError ?? CSVError(line: 1, message: "\(error)"), looksLikeEpoch: epoch)
            }
        }
        let result = FeedDecoder.decode(data)
        if result.hasErrors {
            throw .feed(
                errors: result.issues.filter(\.isError), count: result.errorCount, omitted: result.omittedErrors)
        }
        let deals = result.feed.deals
        return FeedImport(
            name: name, replace: replace, incoming: .feed(deals, mentioned: mentioned(data, count: deals.count)))
    }

    /// Merges the file's deals into `feed` by id. A new id is added; a known one is updated
    /// without erasing what the file does not mention (`ImportMerge`), or replaced whole with
    /// `replace`. Throws every problem of the file's deals if there is any; `feed` is then
    /// part-merged and must be dropped.
    public func merge(into feed: inout Feed) throws(ImportProblems) -> ImportReport {
        var problems = ImportProblems()
        let made: AnySequence<(id: String, make: (Deal?) -> Deal)>
        switch incoming {
        case .csv(let firstRow):
            // This reading cannot fail: `read` read the same bytes whole without error.
            let rows = sequence(state: firstRow) { reader in try? reader.next() }
            made = AnySequence(
                rows.lazy.map { row in
                    (
                        id: (row.values["id"] ?? "").trimmingCharacters(in: .whitespaces),
                        make: { [name, replace] (base: Deal?) -> Deal in
                            let (deal, rowProblems) = DealCSV.apply(row, to: base)
                            for p in rowProblems { problems.add("\(name):\(row.line): \(p)") }
                            guard let base, !replace, rowProblems.isEmpty else { return deal }
                            return FeedImport.merged(base, deal, mentioned: nil, at: "\(name):\(row.line)", &problems)
                        }
                    )
                })
        case .feed(let deals, let mentioned):
            made = AnySequence(
                deals.enumerated().map { n, d in
                    (
                        id: d.id,
                        make: { [name, replace] (base: Deal?) -> Deal in
                            guard let base, !replace else { return d }
                            return FeedImport.merged(
                                base, d, mentioned: mentioned?[n], at: "\(name): deals[\(n)]", &problems)
                        }
                    )
                })
        }
        let report = Importer.merge(made, into: &feed) { problems.count == 0 }
        if problems.count > 0 { throw problems }
        return report
    }

    /// What merging into `feed` would do, which is not changed (`--dry-run`): the report and
    /// every change, field by field. Throws as a save would: `ImportProblems`, or
    /// `StoreError.invalidChange` when the merged feed would not be valid.
    public func preview(_ feed: Feed) throws -> (report: ImportReport, changes: [DealChange]) {
        var merged = feed
        let report = try merge(into: &merged)
        try Importer.refuseInvalid(merged)
        return (report, DealDiff.changes(from: feed.deals, to: merged.deals))
    }

    /// `stored` updated by `incoming` without erasing what it does not mention; on a problem,
    /// it is noted (so nothing is imported) and the stored deal stands.
    static func merged(
        _ stored: Deal, _ incoming: Deal, mentioned: [JSONField]?, at place: String,
        _ problems: inout ImportProblems
    ) -> Deal {
        switch ImportMerge.merge(stored: stored, incoming: incoming, mentioned: mentioned) {
        case .success(let d): return d
        case .failure(let e):
            for issue in e.issues { problems.add("\(place): merged with the stored \(stored.id): \(issue.message)") }
            return stored
        }
    }

    /// Each deal of a feed as written, to know which keys it mentions; nil when they do not
    /// line up with the `count` decoded deals.
    static func mentioned(_ data: [UInt8], count: Int) -> [[JSONField]]? {
        guard case .object(let top)? = try? JSONReader.parse(data, { try $0.readValue() }),
            case .array(let items)? = DealFields.value("deals", in: top), items.count == count
        else { return nil }
        return items.map {
            if case .object(let f) = $0 { return f }
            return []
        }
    }
}
