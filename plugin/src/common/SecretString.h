// SecretString: text that must not outlive its use — client secrets, certificate passwords, tokens and
// Secret parameter values. Its memory is wiped when the value is destroyed, cleared, overwritten or moved
// from, so a secret does not linger in freed heap blocks.
//
// It deliberately has no operator<< and no implicit conversion to std::string: reaching the text takes an
// explicit view(), which makes every place a secret leaves its box easy to find in review.
// Not thread-safe (like std::string): one owner at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aifoundry::common {

class SecretString {
 public:
  SecretString() noexcept = default;
  explicit SecretString(std::string_view text);
  // Takes `text` over without copying it (text built in place, such as a request body holding a secret),
  // and wipes what the move leaves in `text` (a short string's characters stay in the source object).
  static SecretString adopt(std::string&& text) noexcept;
  SecretString(const SecretString& other);
  SecretString(SecretString&& other) noexcept;
  SecretString& operator=(const SecretString& other);
  SecretString& operator=(SecretString&& other) noexcept;
  ~SecretString();

  std::string_view view() const noexcept { return text_; }
  const char* c_str() const noexcept { return text_.c_str(); }
  std::size_t size() const noexcept { return text_.size(); }
  bool empty() const noexcept { return text_.empty(); }

  // Wipes and empties the value.
  void clear() noexcept;

  friend bool operator==(const SecretString& a, const SecretString& b) noexcept { return a.text_ == b.text_; }
  friend bool operator!=(const SecretString& a, const SecretString& b) noexcept { return !(a == b); }

 private:
  std::string text_;
};

}  // namespace aifoundry::common
