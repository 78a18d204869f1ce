#if canImport(Glibc)
import Glibc
#endif
import DealKit

/// Standard output and error, and writing a command's result where `--output` says.
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

    static func out(_ text: String) { out(Array(text.utf8)) }

    static func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
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
}
