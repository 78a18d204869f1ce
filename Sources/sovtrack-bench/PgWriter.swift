import DealKit
import DealPostgres
import Foundation

/// `pg-writer`: one of the many writers of the database store's load test and benchmark, a
/// process with its own connection making `edits` edits, as a user at a dashboard does: each
/// edit is made to the deal as this writer last saw it, and refused when another writer
/// changed the deal since (the check `PostgresStore.apply` makes: inside the transaction, the
/// deal's row locked). A refusal is reported, and the writer then keeps its change, applied
/// to the deal as it is now (the dashboard's "keep mine").
///
/// Edit `i` sets the deal's title to `w<writer> e<i>`, which no other edit writes, so that
/// the final state can be replayed from what the writers report. Every third edit (or
/// `shared-every`) goes to one of the `shared` deals, which all writers edit; the others to
/// the writer's own deal. Prints one JSON line per edit made (`generation`: the store's
/// generation its commit made; `seen`: the title it replaced) and per conflict, then a last
/// line with the counts and the seconds the edits took.
///
/// With `--wait`, the writer reads its deals, prints `ready` and waits for a line on its
/// standard input before editing, so that writers started one by one edit at once.
struct PgWriter {
    var url: String
    var writer: Int
    var edits: Int
    var own: String
    var shared: [String]
    var sharedEvery = 3
    var wait = false

    /// Holds the generation of the last commit, told by the store's `onSave` hook (called on
    /// this thread, after the commit, before `update` returns).
    private final class LastSave: @unchecked Sendable {
        var generation: Int64 = -1
    }

    func run() throws {
        var store = try PostgresStore(url: url)
        store.recorder = RevisionRecorder(author: "writer-\(writer)")
        let last = LastSave()
        store.onSave = { last.generation = $0 }
        // What this writer has seen of each deal it edits: read once, then only what its own
        // saves and the conflicts it meets show it.
        var seen: [String: Deal] = [:]
        for id in Set([own] + shared) {
            try store.update(deal: id) { deal in
                guard let deal else { throw StoreError.noSuchDeal(id: id) }
                seen[id] = deal
            }
        }
        if wait {
            // Unbuffered: the starter waits for this line before it lets the writers go.
            FileHandle.standardOutput.write(Data("ready\n".utf8))
            _ = readLine()
        }
        let start = Date()
        var conflicts = 0
        for i in 0..<edits {
            let toShared = !shared.isEmpty && i % sharedEvery == 0
            let id = toShared ? shared[(i / sharedEvery + writer) % shared.count] : own
            let title = "w\(writer) e\(i)"
            while true {
                let view = seen[id]!
                do {
                    try store.update(deal: id) { deal in
                        guard let current = deal, current == view else {
                            throw StoreSession.Conflict.changedOnDisk(id: id, current: deal)
                        }
                        deal!.title = title
                    }
                    var mine = view
                    mine.title = title
                    seen[id] = mine
                    line([
                        "writer": writer, "edit": i, "deal": id, "generation": Int(last.generation), "seen": view.title,
                        "title": title,
                    ])
                    break
                } catch StoreSession.Conflict.changedOnDisk(_, let current?) {
                    conflicts += 1
                    line(["writer": writer, "edit": i, "deal": id, "conflict": view.title, "current": current.title])
                    seen[id] = current
                }
            }
        }
        line(["writer": writer, "edits": edits, "conflicts": conflicts, "seconds": Date().timeIntervalSince(start)])
    }

    private func line(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
