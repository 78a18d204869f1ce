#if canImport(Glibc)
import Glibc
#endif
import DealKit

/// Standard output and error, and writing a command's result where `--output` says.
///
/// Text written here (messages, error lines, reports) may hold a file name or a value from
/// a feed: every line goes through `SafeText`, so nothing reaches a terminal raw. A rendered
/// document (`out(_: [UInt8])`, `emit`) is made safe by its renderer instead, for its format.
enum Console {
    static func out(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            var done = 0
            while done < buf.count {
                let n = write(1, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
    }

    /// Writes text, each of its lines made safe for a terminal.
    static func out(_ text: String) { out(Array(SafeText.sanitize(text, keepingNewlines: true).utf8)) }

    /// Writes a message on standard error as one line, made safe for a terminal (a line
    /// break inside it, from a file name say, shows as "␤").
    static func err(_ text: String) {
        let line = SafeText.sanitize(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "\n"
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count) }
    }

    /// Writes to `--output FILE` atomically, or to standard output.
    static func emit(_ bytes: [UInt8], to output: String?) throws {
        guard let output, output != "-" else { out(bytes); return }
        do {
            try FileSystem.writeAtomically(bytes, to: output)
        } catch let e as StoreError {
            guard case .unwritable(_, let reason) = e else { throw CLIError(e) }
            throw CLIError(message: "\(output): cannot write: \(reason)", code: 73)
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// True when a document written for `--output` lands where a person may see it as text
    /// (standard output that is a terminal or a pipe), false for a file (`--output FILE`, or
    /// standard output redirected to a regular file), which keeps the data exactly.
    static func isDisplay(_ output: String?) -> Bool {
        if let output, output != "-" { return false }
        var st = stat()
        guard fstat(1, &st) == 0 else { return true }
        return (st.st_mode & S_IFMT) != S_IFREG
    }
}
