import DealKit

/// An error the user sees: one line on standard error and an exit code that tells its kind.
///
/// Exit codes follow sysexits(3): 64 usage, 65 data, 66 missing input, 73 cannot write,
/// 75 locked (try again). `docs/cli.md` lists them.
struct CLIError: Error {
    var message: String
    var code: Int32

    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: 64) }
    static func data(_ message: String) -> CLIError { CLIError(message: message, code: 65) }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    /// The user error that `error`, thrown by a command, stands for; nil for any other error
    /// (the argument parser's, `ExitCode`). The one place store and file errors become exit codes.
    init?(converting error: any Error) {
        switch error {
        case let e as CLIError: self = e
        case let e as StoreError: self.init(e)
        case let e as FileError: self.init(e)
        default: return nil
        }
    }

    /// The same message with another exit code (`diff` and `merge` exit 2 on any error, as git expects).
    func with(code: Int32) -> CLIError { CLIError(message: message, code: code) }

    init(_ error: FileError) {
        message = error.description
        switch error {
        case .notFound, .unreadable: code = 66
        case .unwritable: code = 73
        }
    }

    init(_ error: StoreError) {
        message = error.description
        switch error {
        case .notFound: code = 66
        case .unreadable: code = 66
        case .unwritable, .readOnly: code = 73
        case .locked, .changedOnDisk: code = 75
        case .invalid, .noSuchDeal, .duplicateDeal, .invalidChange: code = 65
        }
    }
}
