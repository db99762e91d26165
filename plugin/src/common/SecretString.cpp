#include "common/SecretString.h"

#include <string.h>  // explicit_bzero: a wipe the optimiser may not remove

#include <utility>

namespace aifoundry::common {

SecretString::SecretString(std::string_view text) {
  // Reserve first so the text is written once and no reallocation leaves a copy behind.
  text_.reserve(text.size());
  text_.assign(text.data(), text.size());
}

SecretString SecretString::adopt(std::string&& text) noexcept {
  SecretString result;
  result.text_ = std::move(text);
  // The moved-from string is still ours to wipe: a short text's characters were copied, not taken.
  explicit_bzero(text.data(), text.capacity());  // NOLINT(bugprone-use-after-move)
  text.clear();                                  // NOLINT(bugprone-use-after-move)
  return result;
}

SecretString::SecretString(const SecretString& other) : SecretString(other.view()) {}

SecretString::SecretString(SecretString&& other) noexcept : text_(std::move(other.text_)) {
  // A short string lives inside the object and is copied, not stolen: wipe the source's buffer too.
  other.clear();
}

SecretString& SecretString::operator=(const SecretString& other) {
  if (this != &other) {
    SecretString copy(other);
    *this = std::move(copy);
  }
  return *this;
}

SecretString& SecretString::operator=(SecretString&& other) noexcept {
  if (this != &other) {
    clear();
    text_ = std::move(other.text_);
    other.clear();
  }
  return *this;
}

SecretString::~SecretString() { clear(); }

void SecretString::clear() noexcept {
  // capacity() bytes are ours to write; the terminator after them is restored by clear().
  explicit_bzero(text_.data(), text_.capacity());
  text_.clear();
}

}  // namespace aifoundry::common
