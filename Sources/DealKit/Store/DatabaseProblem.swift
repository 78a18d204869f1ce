/// What kind of trouble a database store met, which decides the exit code a user sees.
public enum DatabaseProblem: Sendable, Equatable {
    /// No server answered: a wrong host or port, a server down, a network in the way.
    case unreachable
    /// The server refused who we are: a wrong password, an unknown role, no password given.
    case authentication
    /// The server has no database of that name.
    case noDatabase
    /// The role may read but not change the store (or not even read it).
    case permission
    /// The database holds a schema written by a newer sovtrack.
    case newerSchema
    /// Anything else: a connection lost mid-way, a statement the server refused.
    case failed
}
