#include "pipeline_job/SeenNames.h"

namespace aifoundry::pipeline_job {

std::uint64_t SeenNames::hashOf(std::string_view name) {
  // FNV-1a, then splitmix64's finaliser so that the low bits (the slot) depend on every byte. (The emulator's
  // GUIDs mix names the same way; it is a separate program that shares no code with the plugin.)
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

bool SeenNames::place(std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i] == hash) return false;
    if (slots_[i] == 0) {
      slots_[i] = hash;
      return true;
    }
  }
}

void SeenNames::grow() {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  for (const std::uint64_t hash : old)
    if (hash != 0) place(hash);
}

bool SeenNames::insert(std::string_view name) {
  // At most half full: probes stay short.
  if ((count_ + 1) * 2 > slots_.size()) grow();
  if (!place(hashOf(name))) return false;
  ++count_;
  return true;
}

}  // namespace aifoundry::pipeline_job
