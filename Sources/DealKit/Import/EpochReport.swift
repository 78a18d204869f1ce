/// What an Epoch import did (or would do with `--dry-run`): rows read, the merge, the rejections, the time.
public struct EpochReport: Sendable, Equatable {
    /// Data rows in the file (the header not counted).
    public var rowsRead: Int
    /// Added, updated, unchanged and conflicting ids.
    public var merge: ImportReport
    /// The rejected rows: all counted, the first of each reason kept.
    public var rejections: EpochRejections
    /// Ids of deals in the store that came from Epoch but that this file no longer has; they are kept.
    public var notInFile: [String]
    /// Seconds from reading the file to saving the store, when the caller measured it.
    public var seconds: Double?

    public init(
        rowsRead: Int, merge: ImportReport, rejections: EpochRejections, notInFile: [String] = [],
        seconds: Double? = nil
    ) {
        self.rowsRead = rowsRead
        self.merge = merge
        self.rejections = rejections
        self.notInFile = notInFile
        self.seconds = seconds
    }

    /// The number of rows rejected for each reason, most frequent first.
    public var rejectedByReason: [(reason: EpochRejection.Reason, count: Int)] { rejections.byReason }

    /// The report as the CLI prints it:
    ///
    ///     786 rows read: added 701, updated 0, unchanged 0, rejected 85
    ///       rejected, no country: 85 (line 2 "xAI 5 year plan", line 12 "…", … and 80 more)
    ///     time 0.11 s
    public var description: String {
        var head =
            "\(rowsRead) rows read: added \(merge.added.count), updated \(merge.updated.count), "
            + "unchanged \(merge.unchanged.count), rejected \(rejections.count)"
        if !merge.conflicts.isEmpty { head += ", conflicting \(merge.conflicts.count)" }
        var lines = [head]
        /// The first `limit` items, and how many more of `total` there are.
        func list(_ items: [String], of total: Int? = nil, limit: Int) -> String {
            let total = total ?? items.count
            return items.prefix(limit).joined(separator: ", ") + (total > limit ? ", … and \(total - limit) more" : "")
        }
        if !merge.updated.isEmpty { lines.append("  updated: " + list(merge.updated, limit: 10)) }
        if !merge.conflicts.isEmpty {
            lines.append(
                "  conflicting (same id twice with different contents; not applied): "
                    + list(merge.conflicts, limit: 10))
        }
        for (reason, count) in rejectedByReason {
            let rows = rejections.kept.filter { $0.reason == reason }
            // One detail for all ("the Country is empty") is said once; varied details are shown per row.
            let examples =
                if let detail = rejections.sharedDetail(reason) {
                    list(rows.map(\.position), of: count, limit: 3) + "; " + detail
                } else {
                    list(rows.map { "\($0.position): \($0.detail)" }, of: count, limit: 3)
                }
            lines.append("  rejected, \(reason.label): \(count) (\(examples))")
        }
        if !notInFile.isEmpty {
            lines.append(
                "  \(notInFile.count) deal(s) imported from Epoch earlier are not in this file (kept): "
                    + list(notInFile, limit: 10))
        }
        if let seconds { lines.append("time \(EpochReport.format(seconds: seconds))") }
        return lines.joined(separator: "\n")
    }

    /// `0.12 s`, `3.4 s`.
    static func format(seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        if hundredths >= 1000 { return "\(hundredths / 100).\((hundredths % 100) / 10) s" }
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac) s"
    }
}
