#include "common/JsonView.h"

#include "common/CodedError.h"
#include "common/JsonContainerIndex.h"
#include "common/JsonStringScan.h"
#include "common/JsonValidator.h"

namespace aifoundry::common {
namespace {

bool isWs(char c) noexcept { return isJsonWhitespace(c); }

// The fast walkers below assume validated text.
std::size_t skipWsAt(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && isWs(s[i])) ++i;
  return i;
}

// Past the closing quote of the string opening at i (a word at a time: JsonStringScan.h says why; string
// skipping was the largest user-space cost of a poll, measured with bench/).
std::size_t skipString(std::string_view s, std::size_t i) noexcept {
  const std::size_t end = jsonscan::stringEnd(s, i);
  return end == std::string_view::npos ? s.size() : end;
}

// Returns the offset just past the value starting at i. With the index of the document `s` lies in, an object
// or array is looked up instead of walked (JsonDocument).
std::size_t skipValue(std::string_view s, std::size_t i, const JsonContainerIndex* index) noexcept {
  const char c = s[i];
  if (c == '"') return skipString(s, i);
  if (c == '{' || c == '[') {
    if (index) {
      const auto from = static_cast<std::size_t>(s.data() - index->base);  // where s starts in the document
      const std::size_t end = index->endOf(from + i);
      if (end != std::string_view::npos) return end - from;
    }
    std::size_t depth = 0;
    while (i < s.size()) {
      const char d = s[i];
      if (d == '"') {
        i = skipString(s, i);
        continue;
      }
      if (d == '{' || d == '[') ++depth;
      if (d == '}' || d == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isWs(s[i])) ++i;
  return i;
}

void appendUtf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

unsigned long hex4(std::string_view s, std::size_t i) {
  unsigned long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const char c = s[i + k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<unsigned long>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<unsigned long>(c - 'a' + 10);
    else
      v |= static_cast<unsigned long>(c - 'A' + 10);
  }
  return v;
}

// What a one-letter escape stands for: \b \f \n \r \t, and any other letter (\" \\ \/) itself.
char unescapedLetter(char letter) noexcept {
  constexpr std::string_view kLetters = "bfnrt";
  constexpr std::string_view kMeanings = "\b\f\n\r\t";
  const std::size_t at = kLetters.find(letter);
  return at == std::string_view::npos ? letter : kMeanings[at];
}

// Appends the code point of the \uXXXX escape whose 'u' is at body[i] (with its low surrogate's escape, if
// one follows) and returns the index of the escape's last character.
std::size_t appendUnicodeEscape(std::string& out, std::string_view body, std::size_t i) {
  if (i + 4 >= body.size()) {  // truncated escape: only possible with unvalidated input
    out.push_back('?');
    return body.size();
  }
  unsigned long cp = hex4(body, i + 1);
  i += 4;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    // A high surrogate needs its low half; a lone half becomes U+FFFD.
    if (i + 6 < body.size() && body[i + 1] == '\\' && body[i + 2] == 'u') {
      const unsigned long lo = hex4(body, i + 3);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      } else {
        cp = 0xFFFD;
      }
    } else {
      cp = 0xFFFD;
    }
  } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
    cp = 0xFFFD;
  }
  appendUtf8(out, cp);
  return i;
}

}  // namespace

std::string decodeJsonString(std::string_view quoted) {
  std::string out;
  if (quoted.size() < 2) return out;
  const std::string_view body = quoted.substr(1, quoted.size() - 2);
  if (body.find('\\') == std::string_view::npos) return std::string(body);
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out.push_back(c);
    } else if (body[++i] == 'u') {
      i = appendUnicodeEscape(out, body, i);
    } else {
      out.push_back(unescapedLetter(body[i]));
    }
  }
  return out;
}

std::string textOf(const std::optional<JsonView>& value) { return value ? value->text() : std::string(); }

std::optional<std::string> nonEmptyTextOf(const std::optional<JsonView>& value) {
  if (!value || value->isNull()) return std::nullopt;
  std::string t = value->text();
  if (t.empty()) return std::nullopt;
  return t;
}

JsonView JsonView::parse(std::string_view text, std::string_view what) { return parse(text, what, nullptr); }

JsonView JsonView::parse(std::string_view text, std::string_view what, JsonContainerIndex* record) {
  const JsonValidation v = validateJson(text, record);
  if (!v.valid)
    throw common::CodedError(common::errc::InvalidJson, std::string(what) + " is not valid JSON (" +
                                                            v.reason + " at byte " +
                                                            std::to_string(v.errorOffset) + ")");
  // Valid text is one value between optional whitespace, so the value is the text trimmed: no second walk
  // (skipping the root cost as much as validating it).
  const std::size_t begin = skipWsAt(text, 0);
  std::size_t end = text.size();
  while (end > begin && isWs(text[end - 1])) --end;
  return JsonView(text.substr(begin, end - begin), record);
}

bool JsonView::isValid(std::string_view text) noexcept {
  try {
    return validateJson(text).valid;
  } catch (...) {  // only std::bad_alloc is possible
    return false;
  }
}

JsonView::JsonView() noexcept : raw_("null") {}

JsonView::Kind JsonView::kind() const noexcept {
  switch (raw_.empty() ? 'n' : raw_.front()) {
    case '{':
      return Kind::Object;
    case '[':
      return Kind::Array;
    case '"':
      return Kind::String;
    case 't':
    case 'f':
      return Kind::Bool;
    case 'n':
      return Kind::Null;
    default:
      return Kind::Number;
  }
}

std::string JsonView::text() const {
  switch (kind()) {
    case Kind::String:
      return decodeJsonString(raw_);
    case Kind::Null:
      return {};
    default:
      return std::string(raw_);
  }
}

JsonMembers::JsonMembers(JsonView object) noexcept : index_(object.index_) {
  if (object.kind() != JsonView::Kind::Object) return;
  text_ = object.raw_;
  at_ = skipWsAt(text_, 1);
}

bool JsonMembers::next() {
  const std::string_view s = text_;
  std::size_t i = at_;
  if (i >= s.size() || s[i] != '"') return false;
  const std::size_t keyEnd = skipString(s, i);
  const std::string_view quoted = s.substr(i, keyEnd - i);
  if (quoted.find('\\') == std::string_view::npos) {
    key_ = quoted.substr(1, quoted.size() - 2);
  } else {
    decoded_ = decodeJsonString(quoted);
    key_ = decoded_;
  }
  i = skipWsAt(s, keyEnd) + 1;  // past ':'
  i = skipWsAt(s, i);
  const std::size_t valueEnd = skipValue(s, i, index_);
  value_ = JsonView(s.substr(i, valueEnd - i), index_);
  i = skipWsAt(s, valueEnd);
  if (i < s.size() && s[i] == ',') i = skipWsAt(s, i + 1);
  at_ = i;
  return true;
}

void JsonView::forEachMember(const std::function<void(const std::string&, JsonView)>& fn) const {
  std::string key;  // assigned, not rebuilt: its buffer is reused from member to member
  for (JsonMembers member(*this); member.next();) {
    key.assign(member.key());
    fn(key, member.value());
  }
}

void JsonView::forEachElement(const std::function<void(JsonView)>& fn) const {
  if (kind() != Kind::Array) return;
  const std::string_view s = raw_;
  std::size_t i = skipWsAt(s, 1);
  while (i < s.size() && s[i] != ']') {
    const std::size_t end = skipValue(s, i, index_);
    fn(JsonView(s.substr(i, end - i), index_));
    i = skipWsAt(s, end);
    if (i < s.size() && s[i] == ',') i = skipWsAt(s, i + 1);
  }
}

std::optional<JsonView> JsonView::member(std::string_view key) const {
  std::optional<JsonView> found;
  for (JsonMembers member(*this); member.next();)
    if (member.key() == key) found = member.value();
  return found;
}

std::size_t JsonView::size() const {
  std::size_t n = 0;
  if (isObject()) forEachMember([&](const std::string&, JsonView) { ++n; });
  if (isArray()) forEachElement([&](JsonView) { ++n; });
  return n;
}

}  // namespace aifoundry::common
