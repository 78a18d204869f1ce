/// A selection in a scrolled list: which item is selected and which is at the top.
public struct ListCursor: Sendable, Equatable {
    public var index = 0
    public var top = 0

    public init(index: Int = 0, top: Int = 0) {
        self.index = index
        self.top = top
    }

    /// Keeps the selection inside `count` items and visible in `height` rows.
    public mutating func settle(count: Int, height: Int) {
        index = count == 0 ? 0 : min(max(index, 0), count - 1)
        let h = max(height, 1)
        if index < top { top = index }
        if index >= top + h { top = index - h + 1 }
        top = max(0, min(top, max(0, count - h)))
    }

    public mutating func move(_ delta: Int, count: Int) {
        index = count == 0 ? 0 : min(max(index + delta, 0), count - 1)
    }

    /// The selection and top as they would be after `settle`, without changing the cursor.
    public func settled(count: Int, height: Int) -> ListCursor {
        var c = self
        c.settle(count: count, height: height)
        return c
    }
}
