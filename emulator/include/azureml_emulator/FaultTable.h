// FaultTable: scripted failures per route, consumed request by request. Thread-safe.
//
// Route names: token, imds, appservice, workspace, discovery, jobs.list, jobs.get, jobs.put, jobs.cancel,
// history.run (run and details), history.children, and "*" (any of them; never the admin API).
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace azureml_emulator {

enum class FaultKind {
  Status,                 // answer `status` (429, 500, 502, 503, 504, ...) with the service's error body
  ResetBeforeHeaders,     // drop the connection (RST) before any byte of the response
  ResetAfterHeaders,      // process the request, send the headers, then drop the connection
  TruncatedBody,          // process, send headers with the full Content-Length but only half the body, drop
  MalformedJson,          // 200 with a JSON content type and a body that is not valid JSON
  WrongContentType,       // 200 with an HTML page (text/html), as a proxy would answer
  Trickle,                // process, then send the response `chunkBytes` at a time every `delayMs`
  OversizedBody,          // 200 with a valid JSON body of `sizeBytes` (default 32 MiB)
  PutAppliedResponseLost  // apply the request (e.g. create the job), then drop the connection unanswered
};

struct Fault {
  std::string route = "*";
  FaultKind kind = FaultKind::Status;
  int status = 503;
  std::string retryAfter;  // Retry-After value verbatim (seconds or an HTTP date); "http-date+N" = now+N s
  int retryAfterMs = -1;   // also send retry-after-ms and x-ms-retry-after-ms when >= 0
  int count = 1;           // how many requests it hits; -1 = forever
  int delayMs = 50;        // trickle: pause between chunks
  size_t chunkBytes = 16;  // trickle: bytes per chunk
  size_t sizeBytes = 32u * 1024u * 1024u;  // oversized-body: body size

  static Fault parse(const std::string& routeColonSpec);  // "jobs.get:503,count=2" (see README); throws
  static Fault fromJson(const std::string& json);         // the POST /_admin/faults body; throws
  std::string toJson() const;
  static std::string kindName(FaultKind kind);
  static FaultKind kindFromName(const std::string& name);  // throws std::invalid_argument
};

class FaultTable {
 public:
  void add(const Fault& fault);
  void clear();
  // The first fault matching `route` (or "*"), consuming one of its count; nullopt when none applies.
  std::optional<Fault> take(const std::string& route);
  std::vector<Fault> list() const;
  std::string toJson() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Fault> faults_;
  std::atomic<bool> any_{false};  // lets the hot path skip the mutex when no fault is set
};

}  // namespace azureml_emulator
