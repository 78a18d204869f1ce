import Foundation

/// The column names of Epoch AI's GPU Clusters dataset that the importer knows.
///
/// Columns are found by name, never by position: other snapshots of the dataset have
/// fewer columns or put them in another order. Names are matched without regard to case
/// or repeated spaces (the snapshot itself writes "GPU Supplier (primary)" but
/// "GPU supplier (secondary)").
public enum EpochColumn {
    public static let name = "Name"
    public static let status = "Status"
    public static let certainty = "Certainty"
    public static let certaintyNote = "Certainty Note"
    public static let country = "Country"
    public static let owner = "Owner"
    public static let users = "Users"
    public static let location = "Location"
    public static let note = "Note"
    public static let firstOperationalDate = "First Operational Date"
    public static let firstOperationalDateNote = "First Operational Date Note"
    public static let decommissionedDate = "Decommissioned Date (if applicable)"
    public static let power = "Power Capacity (MW)"
    public static let reportedPower = "Reported Power Capacity (MW)"
    public static let calculatedPower = "Calculated Power Capacity (MW)"
    public static let hardwareCost = "Hardware Cost"
    public static let reportedCostAdjusted = "Reported Cost (Inflation adjusted)"
    public static let reportedCost = "Reported Cost"
    public static let chipTypePrimary = "Chip type (primary)"
    public static let chipTypeSecondary = "Chip type (secondary)"
    public static let chipQuantityPrimary = "Chip quantity (primary)"
    public static let chipQuantitySecondary = "Chip quantity (secondary)"
    public static let totalChips = "Total number of AI chips"
    public static let supplierPrimary = "GPU Supplier (primary)"
    public static let supplierSecondary = "GPU supplier (secondary)"
    public static let buildsUpon = "Builds Upon"
    public static let supersededBy = "Superseded by"
    public static let possibleDuplicate = "Possible Duplicate"
    public static let possibleDuplicateOf = "Possible Duplicate Of"
    public static let sources = ["Source 1", "Source 2", "Source 3", "Source 4", "Source 5"]

    /// Without these a file is not an Epoch GPU-clusters file.
    public static let required = [name, country, status]

    /// Power columns in the order they are tried: the main figure, then the reported, then the calculated one.
    public static let powerColumns = [power, reportedPower, calculatedPower]

    /// Cost columns in the order they are tried for the investment.
    public static let costColumns = [hardwareCost, reportedCostAdjusted, reportedCost]

    /// Columns whose values name other rows: kept as links (name and deal id) under the `epoch` key.
    public static let links = [buildsUpon, supersededBy, possibleDuplicateOf]

    /// Columns whose content becomes a feed field, and so is not repeated under the `epoch` key.
    ///
    /// The link columns are absent on purpose: they are kept under `epoch`, resolved to ids.
    public static let mapped: Set<String> = Set(
        [
            name, status, certainty, certaintyNote, country, owner, users, location, note,
            firstOperationalDate, firstOperationalDateNote, decommissionedDate, power, hardwareCost,
            chipTypePrimary, chipTypeSecondary, totalChips, supplierPrimary, supplierSecondary,
            possibleDuplicate,
        ].map(key) + sources.map(key))

    /// The facts that tell apart rows sharing one `Name` (Epoch's anonymized Chinese systems).
    ///
    /// Analysis columns that Epoch recomputes for every snapshot (ranks, shares of the largest
    /// cluster) are left out, so that they do not change a row's id.
    public static let identity = [
        country, location, "Sector", status, certainty, firstOperationalDate,
        chipTypePrimary, chipQuantityPrimary, chipTypeSecondary, chipQuantitySecondary,
        totalChips, "H100 equivalents", power, hardwareCost,
    ]

    /// Every column of the late-2025 snapshot, in its order: the order of the keys under `epoch`.
    public static let snapshotOrder = [
        "Name", "Status", "Certainty", "Single cluster?", "Max OP/s (log)", "H100 equivalents",
        "Chip type (primary)", "Chip quantity (primary)", "Country", "Owner", "First Operational Date",
        "Note", "Sector", "Power Capacity (MW)", "Hardware Cost", "Location", "Users", "Hardware note",
        "Quote", "First Operational Date Note", "Certainty Note", "Energy Efficiency (log)",
        "Builds Upon", "Superseded by", "Possible Duplicate", "Possible Duplicate Of",
        "Chip type (secondary)", "Chip quantity (secondary)", "Total number of AI chips",
        "GPU Supplier (primary)", "GPU supplier (secondary)", "Include in Standard Analysis", "Exclude",
        "Rank when first operational", "16-bit OP/s (log)", "Max OP/s", "8-bit OP/s", "16-bit OP/s",
        "32-bit OP/s", "Calculated Power Capacity (MW)", "Reported Power Capacity (MW)",
        "Energy Efficiency", "Calculated Cost", "Reported Cost", "Reported Cost (Inflation adjusted)",
        "Cost Quote", "Noteworthy", "Decommissioned Date (if applicable)",
        "Largest existing cluster when first operational", "% of largest cluster when first operational",
        "Source 1", "Source 2", "Source 3", "Source 4", "Source 5", "latitude", "longitude",
    ]

    /// The canonical spelling of a header cell that names a known column, else the cell as written (trimmed).
    public static func canonical(_ header: String) -> String {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        return canonicalByKey[key(trimmed)] ?? trimmed
    }

    /// The matching key of a column name: lower case, runs of white space made one space.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static let canonicalByKey: [String: String] = {
        var out: [String: String] = [:]
        for n in snapshotOrder { out[key(n)] = n }
        return out
    }()

    /// The position of a column among the `epoch` keys: the snapshot's order, unknown columns after.
    static let orderIndex: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, n) in snapshotOrder.enumerated() { out[n] = i }
        return out
    }()
}
