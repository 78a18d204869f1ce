import ArgumentParser
import DealKit

/// The filters of `list`, `summary` and `browse`: OR within a kind, AND across kinds.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Country code or English name, any case (repeatable).", valueName: "country"))
    var country: [String] = []
    @Option(name: .long, help: ArgumentHelp("A vendor's name, any case (repeatable).", valueName: "name"))
    var vendor: [String] = []
    @Option(name: .long, help: ArgumentHelp("A partner's name in any role, any case (repeatable).", valueName: "name"))
    var partner: [String] = []
    @Option(
        name: .long,
        help: ArgumentHelp(
            "announced, planned, under-construction, operational or cancelled (repeatable).", valueName: "status"))
    var status: [String] = []
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Announced on or after the start of DATE (2026, 2026-H2, 2026-06 ...); an unstated date ≤D counts as D, so it may be earlier.",
            valueName: "date"))
    var since: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Announced on or before the end of DATE; an unstated date ≤D counts as D, so it passes only when certainly public by then.",
            valueName: "date"))
    var until: String?
    @Option(
        name: .customLong("min-mw"),
        help: ArgumentHelp("Ambition MW (target, else committed) at least N; unknown MW is left out.", valueName: "N"))
    var minMW: Double?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Case-insensitive text in title, sponsor, partners, models, products, site or tags.", valueName: "text"))
    var search: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A product or technology the deal names (Vera Rubin, GB300), any case, part of a name matches (repeatable).",
            valueName: "name"))
    var product: [String] = []

    /// The filter, or a usage error naming the bad value.
    func filter() throws -> DealFilter {
        var f = DealFilter()
        for c in country {
            guard let found = Countries.lookup(c) else {
                throw CLIError.usage(
                    "--country: \(FeedIssue.quote(c)) is not a country name or ISO 3166-1 alpha-2 code"
                        + Suggest.phrase(Countries.suggestions(for: c)))
            }
            f.countries.append(found.code)
        }
        f.vendors = vendor
        f.partners = partner
        for s in status {
            guard let st = DealStatus(rawValue: s.lowercased()) else {
                throw CLIError.usage("--status: \(DealValidator.enumProblem(s, allowed: DealStatus.allowedList))")
            }
            f.statuses.append(st)
        }
        f.since = try since.map { try date($0, "--since") }
        f.until = try until.map { try date($0, "--until") }
        if let m = minMW {
            guard m.isFinite else { throw CLIError.usage("--min-mw: must be a finite number") }
            f.minMW = m
        }
        f.search = search ?? ""
        f.products = product
        return f
    }

    private func date(_ s: String, _ option: String) throws -> PartialDate {
        guard let d = PartialDate(s) else {
            throw CLIError.usage("\(option): \(DealValidator.partialDateProblem(s) ?? "not a date")")
        }
        return d
    }
}
