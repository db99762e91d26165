// What the host writes as text (stdout without --json, every log and error line on stderr) may come from a
// server: a job's name, a status, an output, a request id, an error message. A terminal would act on control
// characters in it (ESC [2J clears the screen, ESC ] 0; ... BEL sets the window title, U+009B is a one-byte
// CSI), so every text the host writes passes through terminalText() once, at the writer (Logger for stderr,
// writeOutcome for a command's result), never field by field.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace polysync::host {

struct CommandOutcome;

// `text` with every control character shown escaped, whatever the output is (a terminal or a file): C0 bytes
// other than the line feed and DEL as `\xNN`, C1 controls (U+0080..U+009F) and the bidirectional overrides
// and isolates (U+202A..U+202E, U+2066..U+2069, which reorder what is shown) as `\uNNNN`, and every byte that
// is not part of valid UTF-8 as `\xNN` (a lone 0x9B is CSI to an 8-bit terminal). Line feeds stay: the host's
// own text is lines.
std::string terminalText(std::string_view text);

// Writes a command's outcome: `err` (its one-line failure, if any) to `err`, then `out` to `out` — the text
// through terminalText(), a --json document as is (JSON escapes controls itself; see JsonWriter).
void writeOutcome(const CommandOutcome& outcome, bool json, std::FILE* out = stdout, std::FILE* err = stderr);

}  // namespace polysync::host
