/// One row of the key map: the keys as the help writes them, what they do, and the events that trigger it.
struct KeyBinding: Sendable {
    /// The keys as the help overlay shows them (`"↑ ↓  k j"`); tokens split on spaces for the user guide.
    var keys: String
    /// The help overlay's one-line explanation.
    var help: String
    /// The user guide's fuller explanation; the help line when nil.
    var guide: String?
    /// The events and the action each triggers; empty for rows that only explain (figures, form keys, mouse).
    var triggers: [Trigger]
    /// The footer's short form, where the footer offers this key.
    var footer: (keys: String, label: String)?

    struct Trigger: Sendable {
        var event: InputEvent
        var action: KeyAction
    }

    init(
        _ keys: String, _ help: String, guide: String? = nil, footer: (String, String)? = nil,
        _ triggers: [(InputEvent, KeyAction)] = []
    ) {
        self.keys = keys
        self.help = help
        self.guide = guide
        self.footer = footer.map { (keys: $0.0, label: $0.1) }
        self.triggers = triggers.map { Trigger(event: $0.0, action: $0.1) }
    }

    /// Every trigger of one action on the given events.
    init(
        _ keys: String, _ help: String, guide: String? = nil, footer: (String, String)? = nil,
        on events: [InputEvent], does action: KeyAction
    ) {
        self.init(keys, help, guide: guide, footer: footer, events.map { ($0, action) })
    }
}
