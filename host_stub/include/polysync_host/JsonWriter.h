// A small streaming JSON writer: keys come out in the order written (the output shapes are a contract, and
// people read them), strings are escaped and made valid UTF-8 whatever bytes a plugin sent.
// Not thread-safe; one writer per document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace polysync::host {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint32_t number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A string, or null when absent.
  JsonWriter& value(const std::optional<std::string>& text);
  // A value that is already JSON text, inserted as is: only for text this process produced or re-serialised.
  JsonWriter& rawJson(std::string_view json);

  // The document so far; complete once every begin has its end.
  const std::string& str() const { return out_; }

 private:
  void separate();
  // Starts an object or array ('{' or '['), or ends the innermost one ('}' or ']').
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string out_;
  std::vector<bool> hasItems_;  // one per open object/array
  bool afterKey_ = false;
};

// `text` as a JSON string literal, quotes included. Invalid UTF-8 becomes U+FFFD.
std::string jsonQuote(std::string_view text);

}  // namespace polysync::host
