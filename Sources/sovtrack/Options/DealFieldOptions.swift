import ArgumentParser
import DealKit

/// The field options of `add` and `edit`, one per field of a deal.
struct DealFieldOptions: ParsableArguments {
    @Option(help: "One-line headline.") var title: String?
    @Option(help: "Country code or English name (KR, \"South Korea\").") var country: String?
    @Option(
        help: ArgumentHelp(
            "Partial date: 2026, 2026-H2, 2026-Q3, 2026-06 or 2026-06-07; ≤DATE (or <=DATE) when no source states it.",
            valueName: "date")) var announced: String?
    @Option(
        help:
            "build, partnership, cloud, model or programme (\"\" clears); megawatts do not apply to partnership and model."
    ) var kind: String?
    @Option(help: "announced, planned, under-construction, operational or cancelled.") var status: String?
    @Option(help: "The national champion or body leading it (\"\" clears).") var sponsor: String?
    @Option(
        help: ArgumentHelp(
            "NAME:ROLE; role is vendor, operator, investor, government, customer or other (repeatable; replaces the list).",
            valueName: "name:role"))
    var partner: [String] = []
    @Option(help: "Reference platform (\"NVIDIA DSX\").") var platform: String?
    @Option(help: "Data-center site.") var site: String?
    @Option(
        name: .customLong("initial-mw"),
        help: ArgumentHelp("First committed phase in MW (\"unknown\" clears).", valueName: "MW")) var initialMW: String?
    @Option(name: .customLong("target-mw"), help: ArgumentHelp("Long-term ambition in MW.", valueName: "MW"))
    var targetMW: String?
    @Option(name: .customLong("operational-mw"), help: ArgumentHelp("Online now, in MW.", valueName: "MW"))
    var operationalMW: String?
    @Option(help: "Confidence in the target: confirmed, reported or aspirational.") var confidence: String?
    @Option(help: ArgumentHelp("A model built or served on it (repeatable; replaces the list).", valueName: "name"))
    var model: [String] = []
    @Option(help: ArgumentHelp("A product or technology it names (repeatable; replaces the list).", valueName: "name"))
    var product: [String] = []
    @Option(
        help: ArgumentHelp(
            "DATE:EVENT, \"!\" before the date marks it done (repeatable; replaces the list).", valueName: "date:event")
    )
    var milestone: [String] = []
    @Option(help: ArgumentHelp("A source URL (repeatable; replaces the URL sources).", valueName: "url")) var source:
        [String] = []
    @Option(help: ArgumentHelp("A free label (repeatable; replaces the list).", valueName: "tag")) var tag: [String] =
        []
    @Option(help: "Free text.") var notes: String?

    var patch: DealPatch {
        var p = DealPatch()
        p.title = title
        p.country = country
        p.announced = announced
        p.status = status
        p.sponsor = sponsor
        p.platform = platform
        p.site = site
        p.partners = partner.isEmpty ? nil : partner
        p.initialMW = initialMW
        p.targetMW = targetMW
        p.operationalMW = operationalMW
        p.confidence = confidence
        p.models = model.isEmpty ? nil : model
        p.kind = kind
        p.products = product.isEmpty ? nil : product
        p.milestones = milestone.isEmpty ? nil : milestone
        p.sources = source.isEmpty ? nil : source
        p.tags = tag.isEmpty ? nil : tag
        p.notes = notes
        return p
    }

    /// Applies the options to a deal, or throws a usage error naming the option.
    func apply(to deal: inout Deal) throws {
        do {
            try patch.apply(to: &deal)
        } catch {
            let first = error.problems[0]
            let more = error.problems.count > 1 ? " (and \(error.problems.count - 1) more)" : ""
            throw CLIError.usage("--\(first.field): \(first.message)\(more)")
        }
    }
}
