// Journal: what the emulator received, so tests can assert exactly what a client sent.
// Secrets never enter it: Authorization is kept as "Bearer ***", x-azureml-token and X-IDENTITY-HEADER
// as "***", and client_secret / client_assertion in form bodies as "***". Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace azureml_emulator {

struct JournalEntry {
  int64_t timeMs = 0;  // Unix epoch milliseconds
  std::string route;   // route name, e.g. "jobs.put" (see FaultTable)
  std::string method;
  std::string path;                                          // without the query
  std::string query;                                         // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // chosen headers, secrets masked
  std::string body;                                          // request body (form secrets masked)
  int status = 0;         // status sent; 0 when the connection was dropped before the headers
  std::string principal;  // client id of the bearer token, when one was valid
  std::string fault;      // fault kind applied to this request, if any

  std::string header(const std::string& name) const;  // case-insensitive; "" when absent
};

class Journal {
 public:
  explicit Journal(size_t capacity = 100000);
  void record(JournalEntry entry);
  std::vector<JournalEntry> entries() const;
  std::vector<JournalEntry> entries(const std::string& route) const;  // only this route
  size_t size() const;
  void clear();
  std::string toJson() const;  // JSON array, oldest first (the /_admin/journal body)
  static std::string toJson(const std::vector<JournalEntry>& entries);

 private:
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  size_t capacity_;
};

}  // namespace azureml_emulator
