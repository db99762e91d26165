#include "common/JsonValidator.h"

#include <string>
#include <vector>

#include "common/JsonStringScan.h"
#include "common/JsonView.h"

namespace aifoundry::common {
namespace {

constexpr std::size_t kMaxDepth = JsonView::kMaxDepth;

bool isWs(char c) noexcept { return isJsonWhitespace(c); }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isHex(char c) noexcept { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The walk behind validateJson(): one pass, the open brackets on an explicit stack.
class Validator {
 public:
  Validator(std::string_view s, JsonContainerIndex* record) : s_(s), record_(record) {
    if (record_) {
      record_->base = s.data();
      // One allocation each for a poll's 4.2 KB job (36 containers, 6 deep); more text may grow them.
      record_->spans.reserve(s.size() / 64);
      openSpans_.reserve(16);
    }
  }

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
          this->close();
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
  void open(char c, std::size_t at) {
    stack_.push_back(c);
    if (!record_) return;
    openSpans_.push_back(record_->spans.size());
    record_->spans.emplace_back(at, 0);
  }
  void close() {  // i_ is just past the closing bracket
    stack_.pop_back();
    if (!record_) return;
    record_->spans[openSpans_.back()].second = i_;
    openSpans_.pop_back();
  }

  enum class Parsed { kError, kComplete, kOpened };
  static Parsed done(bool ok) { return ok ? Parsed::kComplete : Parsed::kError; }

  // Parses one value; for a non-empty container it only opens it and answers kOpened, so the caller's loop
  // continues inside. It never calls itself: an unoptimised build must not need stack per nesting level.
  Parsed value() {
    skipWs();
    if (i_ >= s_.size()) return done(fail("unexpected end of text"));
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= kMaxDepth) return done(fail("nesting is too deep"));
      const char close = c == '{' ? '}' : ']';
      const std::size_t at = i_;
      ++i_;
      skipWs();
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        return Parsed::kComplete;
      }
      open(c, at);
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
  JsonContainerIndex* record_;
  std::vector<std::size_t> openSpans_;  // with record_: the index entry of each open bracket
};

}  // namespace

JsonValidation validateJson(std::string_view text, JsonContainerIndex* record) {
  Validator v(text, record);
  JsonValidation result;
  result.valid = v.run();
  if (!result.valid) {
    result.errorOffset = v.errorOffset();
    result.reason = v.reason();
  }
  return result;
}

}  // namespace aifoundry::common
