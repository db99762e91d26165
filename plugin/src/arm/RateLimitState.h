// RateLimitState: the latest x-ms-ratelimit-remaining-subscription-reads / -writes ARM reported, so the job
// type can space its polls (a scheduler polling thousands of runs shares 250 reads per subscription).
// Thread-safe (atomics); written by RateLimitPolicy, read by anyone.
#pragma once

#include <atomic>
#include <optional>

#include "http/HttpHeaders.h"

namespace aifoundry::arm {

class RateLimitState {
public:
    void update(const http::HttpHeaders& headers);
    std::optional<long> remainingReads() const;
    std::optional<long> remainingWrites() const;

private:
    std::atomic<long> reads_{-1};
    std::atomic<long> writes_{-1};
};

}  // namespace aifoundry::arm
