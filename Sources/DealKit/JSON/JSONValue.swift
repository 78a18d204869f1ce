/// Any JSON value, kept exactly enough to be written back unchanged.
///
/// Used for the keys a feed carries that this version does not know: they are
/// preserved so that an older reader never loses a newer writer's data.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text as it appeared, so that it is written back digit for digit.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONField])

    /// A short name of the value's type for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One member of a JSON object, in the order it appeared.
public struct JSONField: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
