// Redactor: the last line of defence that keeps secrets out of messages and logs.
//
// Credentials register the secrets they hold (client secret, certificate password, the text of a federated
// token) for as long as they live; redact() replaces them, anything shaped like a JWT and any
// "Bearer <token>" with a placeholder. Every error message and log line built from remote or exception text
// goes through redact().
//
// Thread safety: all functions may be called from any thread (one process-wide registry under a mutex).
#pragma once

#include <memory>
#include <string>

namespace aifoundry::http {

class Redactor {
 public:
  // Keeps `secret` registered while the returned handle lives. Values shorter than 4 characters are
  // ignored (they would mangle ordinary text).
  using Registration = std::shared_ptr<void>;
  static Registration registerSecret(const std::string& secret);

  static std::string redact(std::string text);
};

// One line: control characters become spaces, runs of whitespace shrink, long text is cut with "...".
std::string oneLine(const std::string& text, std::size_t maxLength = 400);

}  // namespace aifoundry::http
