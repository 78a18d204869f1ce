/// An object key as read: raw bytes when it had no escapes, else the decoded text.
///
/// Matching the bytes of a known key (`is("title")`) avoids making a String for every
/// key of every deal, which was a sixth of the time to load a large store.
public struct JSONKey {
    let raw: UnsafeBufferPointer<UInt8>
    let decoded: String?
    /// The offset of the key's opening quote in the document, for a message about it.
    public let offset: Int

    /// True when the key is exactly `name`.
    @inline(__always)
    public func `is`(_ name: StaticString) -> Bool {
        if let decoded { return decoded == name.description }
        let n = name.utf8CodeUnitCount
        guard raw.count == n else { return false }
        let p = name.utf8Start
        for i in 0..<n where raw[i] != p[i] { return false }
        return true
    }

    /// The key as a String.
    public var string: String {
        decoded ?? String(decoding: raw, as: UTF8.self)
    }
}
