// SeenNames: which job names an import has passed on already, in 8 bytes a name at most twice over (an
// open-addressing table of 64-bit hashes of the names) rather than a node-based set of the strings, which
// cost about 110 bytes a name: an import of 100,000 jobs holds it for the whole listing.
//
// Two different names whose 64-bit hashes are equal would count as one (about one chance in 10^9 at a
// million names); a job dropped that way is named in the import's "listed twice" warning.
// Not synchronised: one import's own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace aifoundry::pipeline_job {

class SeenNames {
 public:
  // True when `name` was not seen before (and is now).
  bool insert(std::string_view name);
  std::size_t size() const { return count_; }
  // Bytes of its table, for tests of its memory.
  std::size_t tableBytes() const { return slots_.capacity() * sizeof(std::uint64_t); }

 private:
  static std::uint64_t hashOf(std::string_view name);
  bool place(std::uint64_t hash);  // into slots_, which has room
  void grow();

  std::vector<std::uint64_t> slots_;  // 0: empty; a hash of 0 is stored as 1
  std::size_t count_ = 0;
};

}  // namespace aifoundry::pipeline_job
