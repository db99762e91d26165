// JsonView: a read-only view of one JSON value inside text that the CALLER keeps alive (no copy, no tree).
//
// Why not Poco::JSON: it reorders object keys and rewrites numbers (1.0 -> 1, 1e5 -> 100000), and it builds a
// full tree. A template's `jobs` and `settings` must reach Azure byte-for-byte, and a template can be many
// megabytes, so the azureml/ layer reads JSON as spans of the original text: parse() validates the whole text
// once (RFC 8259, iteratively, so deep nesting cannot overflow the stack), and every view obtained from it
// walks already-validated text with a fast skipper. Raw spans can then be spliced into a new body unchanged.
// (JsonDocument: the same, plus an index of where containers end, for text that is walked more than once.)
//
// A view is a span (and, for a JsonDocument's views, a pointer to its index): cheap to copy, valid only while
// the parsed text (and the document) lives. Thread-safe for reading.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aifoundry::common {

struct JsonContainerIndex;

class JsonView {
 public:
  enum class Kind { Null, Bool, Number, String, Array, Object };

  // Deepest nesting parse() accepts; deeper text is refused as InvalidJson. The same 128 as Poco's parser
  // (token replies, the host's files): Azure's services write JSON far shallower, and nothing read here
  // needs more, so one limit holds for every reply and template (docs/reliability.md, "Hostile input").
  static constexpr std::size_t kMaxDepth = 128;

  // Validates `text` completely and returns a view of its root value.
  // Throws CodedError(InvalidJson) naming `what` (e.g. "the template job 'x'") and the byte offset.
  static JsonView parse(std::string_view text, std::string_view what);

  // True when `text` is one complete, valid JSON value (surrounding whitespace allowed).
  static bool isValid(std::string_view text) noexcept;

  JsonView() noexcept;  // the literal null

  Kind kind() const noexcept;
  bool isNull() const noexcept { return kind() == Kind::Null; }
  bool isString() const noexcept { return kind() == Kind::String; }
  bool isObject() const noexcept { return kind() == Kind::Object; }
  bool isArray() const noexcept { return kind() == Kind::Array; }

  // The exact text of the value, as it appears in the source (no surrounding whitespace).
  std::string_view raw() const noexcept { return raw_; }

  // A string's decoded content; a number's or boolean's raw text; "" for null; the raw text of an
  // object or array. Lenient on purpose: Azure's open-ended payloads sometimes change a field's type.
  std::string text() const;

  // The value of `key` in an object (the last one when a key repeats, as most parsers do); nullopt when
  // absent or when this is not an object. Each call walks the object: for several keys use forEachMember().
  std::optional<JsonView> member(std::string_view key) const;

  // Calls fn(key, value) for each member of an object in document order; no-op for other kinds.
  void forEachMember(const std::function<void(const std::string& key, JsonView value)>& fn) const;

  // Calls fn(element) for each element of an array in document order; no-op for other kinds.
  void forEachElement(const std::function<void(JsonView element)>& fn) const;

  // Member count of an object / element count of an array; 0 otherwise.
  std::size_t size() const;

 private:
  friend class JsonDocument;
  friend class JsonMembers;
  JsonView(std::string_view raw, const JsonContainerIndex* index) noexcept : raw_(raw), index_(index) {}
  // parse(), recording the document's containers into `record` and giving the views it (JsonDocument).
  static JsonView parse(std::string_view text, std::string_view what, JsonContainerIndex* record);

  std::string_view raw_;
  const JsonContainerIndex* index_ =
      nullptr;  // set for views of a JsonDocument: skip nested values by lookup
};

// Walks an object's members in document order without a callback or a copy of each key: the key is a view
// of the text (decoded into the walker's own buffer only when it holds an escape). For the hot paths that
// pick a few known members out of a large object (a poll's Run History run has some sixty); forEachMember()
// reads more simply elsewhere. Valid while the viewed text lives; one thread.
//
//   for (JsonMembers m(object); m.next();) if (m.key() == "status") ...
class JsonMembers {
 public:
  explicit JsonMembers(JsonView object) noexcept;
  // Moves to the next member; false when there is none (and at once when the view is not an object).
  bool next();
  std::string_view key() const noexcept { return key_; }
  JsonView value() const noexcept { return value_; }

 private:
  std::string_view text_;
  const JsonContainerIndex* index_ = nullptr;
  std::size_t at_ = 0;
  std::string_view key_;
  JsonView value_;
  std::string decoded_;  // the last escaped key, decoded
};

// text() of an optional member; "" when absent.
std::string textOf(const std::optional<JsonView>& value);
// text() of an optional member; nullopt when absent, null or empty.
std::optional<std::string> nonEmptyTextOf(const std::optional<JsonView>& value);

// Decodes the JSON string literal `quoted` (with its quotes) into UTF-8. The input must be valid JSON.
std::string decodeJsonString(std::string_view quoted);

}  // namespace aifoundry::common
