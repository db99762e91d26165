#include "Ids.h"

#include <cstdint>
#include <functional>
#include <random>

namespace azureml_emulator::ids {

static std::mt19937_64& generator() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

static std::string format(uint64_t high, uint64_t low) {
  // Version 4 / variant 1 bits, so the result is a well-formed UUID.
  high = (high & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
  low = (low & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
  return text;
}

std::string newGuid() { return format(generator()(), generator()()); }

namespace {
// splitmix64's finaliser: spreads every bit of the input over the output.
uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
}  // namespace

// Stable and cheap, as it runs for every GUID of every reply: FNV-1a over the name, then two mixed words.
std::string guidFromName(const std::string& name) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return format(mix(hash), mix(hash ^ 0x9e3779b97f4a7c15ull));
}

std::string randomHex(size_t bytes) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (size_t i = 0; i < bytes; ++i) {
    const auto byte = static_cast<unsigned>(generator()() & 0xFF);
    out.push_back(hex[byte >> 4]);
    out.push_back(hex[byte & 0xF]);
  }
  return out;
}

}  // namespace azureml_emulator::ids
