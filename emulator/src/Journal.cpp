#include "azureml_emulator/Journal.h"

#include <Poco/String.h>

#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

std::string JournalEntry::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (Poco::icompare(key, name) == 0) return value;
  return "";
}

Journal::Journal(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

void Journal::record(JournalEntry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= capacity_) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

std::vector<JournalEntry> Journal::entries(const std::string& route) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<JournalEntry> selected;
  for (const auto& entry : entries_)
    if (entry.route == route) selected.push_back(entry);
  return selected;
}

size_t Journal::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

std::string Journal::toJson() const { return toJson(entries()); }

std::string Journal::toJson(const std::vector<JournalEntry>& entries) {
  std::string out = "[";
  bool first = true;
  for (const auto& entry : entries) {
    if (!first) out += ',';
    first = false;
    out += "{\"time\":" + json::quote(timetext::iso8601(entry.timeMs)) +
           ",\"route\":" + json::quote(entry.route) + ",\"method\":" + json::quote(entry.method) +
           ",\"path\":" + json::quote(entry.path) + ",\"query\":" + json::quote(entry.query) +
           ",\"headers\":{";
    bool firstHeader = true;
    for (const auto& [name, value] : entry.headers) {
      if (!firstHeader) out += ',';
      firstHeader = false;
      out += json::quote(name) + ":" + json::quote(value);
    }
    out += "},\"body\":" + json::quote(entry.body) + ",\"status\":" + std::to_string(entry.status) +
           ",\"principal\":" + json::quote(entry.principal) + ",\"fault\":" + json::quote(entry.fault) + "}";
  }
  out += "]";
  return out;
}

}  // namespace azureml_emulator
