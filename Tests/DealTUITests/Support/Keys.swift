import DealTUI

/// Feeds `events` to the reducer in order and returns every effect they asked for.
func keys(_ s: inout AppState, _ events: InputEvent...) -> [Effect] {
    var all: [Effect] = []
    for e in events { all += AppReducer.reduce(&s, e) }
    return all
}
