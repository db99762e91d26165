// Throttle: ARM's token buckets, one pair (reads, writes) per principal. A request takes one token;
// an empty bucket answers 429 with the seconds until the next token. Thread-safe; one small lock per
// principal, so different callers never wait on each other.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace azureml_emulator {

class Throttle {
 public:
  Throttle(bool enabled, double readCapacity, double readRefill, double writeCapacity, double writeRefill);
  struct Decision {
    bool allowed = true;
    long remaining = 0;  // tokens left after this request
    int retryAfterSeconds = 0;
  };
  Decision take(const std::string& principal, bool write, int64_t nowMs);

 private:
  struct Bucket {
    double tokens;
    int64_t lastMs;
  };
  struct Buckets {
    std::mutex mutex;
    Bucket reads;
    Bucket writes;
  };
  Buckets& bucketsOf(const std::string& principal, int64_t nowMs);

  bool enabled_;
  double readCapacity_, readRefill_, writeCapacity_, writeRefill_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Buckets>> buckets_;
};

}  // namespace azureml_emulator
