#include "azureml/JsonView.h"

#include "azureml/AzureMlError.h"
#include "azureml/JsonStringScan.h"

namespace aifoundry::azureml {
namespace {

bool isWs(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isHex(char c) noexcept { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Full RFC 8259 validation with an explicit container stack (no recursion). Returns the offset of the first
// error and a reason, or nullopt when the text is one valid value.
class Validator {
 public:
  explicit Validator(std::string_view s) : s_(s) {}

  bool run() {
    skipWs();
    for (;;) {
      const Parsed parsed = value();
      if (parsed == Parsed::kError) return false;
      if (parsed == Parsed::kOpened) continue;  // the first element/member of a new container follows
      // After a value: close containers or move to the next element/member.
      for (;;) {
        skipWs();
        if (stack_.empty()) {
          if (i_ != s_.size()) return fail("unexpected text after the JSON value");
          return true;
        }
        const char close = stack_.back() == '{' ? '}' : ']';
        if (i_ < s_.size() && s_[i_] == close) {
          ++i_;
          stack_.pop_back();
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          skipWs();
          if (stack_.back() == '{' && !keyAndColon()) return false;
          break;  // parse the next value
        }
        return fail(stack_.back() == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
  }

  std::size_t errorOffset() const { return i_; }
  const char* reason() const { return reason_; }

 private:
  bool fail(const char* why) {
    reason_ = why;
    return false;
  }
  void skipWs() {
    while (i_ < s_.size() && isWs(s_[i_])) ++i_;
  }
  void open(char c) { stack_.push_back(c); }

  enum class Parsed { kError, kComplete, kOpened };
  static Parsed done(bool ok) { return ok ? Parsed::kComplete : Parsed::kError; }

  // Parses one value; for a non-empty container it only opens it and answers kOpened, so the caller's loop
  // continues inside. It never calls itself: an unoptimised build must not need stack per nesting level.
  Parsed value() {
    skipWs();
    if (i_ >= s_.size()) return done(fail("unexpected end of text"));
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= JsonView::kMaxDepth) return done(fail("nesting is too deep"));
      const char close = c == '{' ? '}' : ']';
      ++i_;
      skipWs();
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        return Parsed::kComplete;
      }
      open(c);
      if (c == '{' && !keyAndColon()) return Parsed::kError;
      return Parsed::kOpened;
    }
    if (c == '"') return done(string());
    if (c == '-' || isDigit(c)) return done(number());
    if (literal("true") || literal("false") || literal("null")) return Parsed::kComplete;
    return done(fail("unexpected character"));
  }

  bool keyAndColon() {
    if (i_ >= s_.size() || s_[i_] != '"') return fail("expected a member name in double quotes");
    if (!string()) return false;
    skipWs();
    if (i_ >= s_.size() || s_[i_] != ':') return fail("expected ':' after a member name");
    ++i_;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  bool string() {
    ++i_;  // opening quote
    for (;;) {
      i_ = jsonscan::nextQuoteBackslashOrControl(s_, i_);  // the plain bytes in between need no look
      if (i_ >= s_.size()) break;
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return fail("control character inside a string");
      ++i_;  // the backslash
      if (i_ >= s_.size()) break;
      const char e = s_[i_];
      if (e == 'u') {
        for (int k = 1; k <= 4; ++k)
          if (i_ + static_cast<std::size_t>(k) >= s_.size() || !isHex(s_[i_ + static_cast<std::size_t>(k)]))
            return fail("bad \\u escape");
        i_ += 5;
        continue;
      }
      if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
        return fail("bad escape in a string");
      ++i_;
    }
    return fail("unterminated string");
  }

  bool number() {
    if (s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !isDigit(s_[i_])) return fail("bad number");
    if (s_[i_] == '0')
      ++i_;
    else
      while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !isDigit(s_[i_])) return fail("bad number: digits expected after '.'");
      while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !isDigit(s_[i_])) return fail("bad number: digits expected in the exponent");
      while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string stack_;  // the open brackets; a std::string so the usual < 16 levels need no allocation
  const char* reason_ = "";
};

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

// Returns the offset just past the value starting at i.
std::size_t skipValue(std::string_view s, std::size_t i) noexcept {
  const char c = s[i];
  if (c == '"') return skipString(s, i);
  if (c == '{' || c == '[') {
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
      continue;
    }
    const char e = body[++i];
    switch (e) {
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        if (i + 4 >= body.size()) {  // truncated escape: only possible with unvalidated input
          out.push_back('?');
          i = body.size();
          break;
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
        break;
      }
      default:
        out.push_back(e);
        break;  // \" \\ \/
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

JsonView JsonView::parse(std::string_view text, std::string_view what) {
  Validator v(text);
  if (!v.run())
    throw AzureMlError(errc::InvalidJson, std::string(what) + " is not valid JSON (" + v.reason() +
                                              " at byte " + std::to_string(v.errorOffset()) + ")");
  // Valid text is one value between optional whitespace, so the value is the text trimmed: no second walk
  // (skipping the root cost as much as validating it).
  const std::size_t begin = skipWsAt(text, 0);
  std::size_t end = text.size();
  while (end > begin && isWs(text[end - 1])) --end;
  return JsonView(text.substr(begin, end - begin));
}

bool JsonView::isValid(std::string_view text) noexcept {
  try {
    Validator v(text);
    return v.run();
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

void JsonView::forEachMember(const std::function<void(const std::string&, JsonView)>& fn) const {
  if (kind() != Kind::Object) return;
  const std::string_view s = raw_;
  std::size_t i = skipWsAt(s, 1);
  std::string key;
  while (i < s.size() && s[i] == '"') {
    const std::size_t keyEnd = skipString(s, i);
    key = decodeJsonString(s.substr(i, keyEnd - i));
    i = skipWsAt(s, keyEnd) + 1;  // past ':'
    i = skipWsAt(s, i);
    const std::size_t valueEnd = skipValue(s, i);
    fn(key, JsonView(s.substr(i, valueEnd - i)));
    i = skipWsAt(s, valueEnd);
    if (i < s.size() && s[i] == ',') i = skipWsAt(s, i + 1);
  }
}

void JsonView::forEachElement(const std::function<void(JsonView)>& fn) const {
  if (kind() != Kind::Array) return;
  const std::string_view s = raw_;
  std::size_t i = skipWsAt(s, 1);
  while (i < s.size() && s[i] != ']') {
    const std::size_t end = skipValue(s, i);
    fn(JsonView(s.substr(i, end - i)));
    i = skipWsAt(s, end);
    if (i < s.size() && s[i] == ',') i = skipWsAt(s, i + 1);
  }
}

std::optional<JsonView> JsonView::member(std::string_view key) const {
  std::optional<JsonView> found;
  forEachMember([&](const std::string& k, JsonView v) {
    if (k == key) found = v;
  });
  return found;
}

std::size_t JsonView::size() const {
  std::size_t n = 0;
  if (isObject()) forEachMember([&](const std::string&, JsonView) { ++n; });
  if (isArray()) forEachElement([&](JsonView) { ++n; });
  return n;
}

}  // namespace aifoundry::azureml
