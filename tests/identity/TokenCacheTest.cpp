// The token cache: reuse, refresh window, 30 s throttle, keep serving on failure, single flight, invalidate.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "http/HttpError.h"
#include "http/Redactor.h"
#include "identity/CachingCredential.h"

using namespace aifoundry;
using namespace aifoundry::identity;
using namespace aifoundry::http;

namespace {

struct FakeCredential : TokenCredential {
  std::atomic<int> calls{0};
  std::atomic<bool> failing{false};
  std::atomic<bool> failsForeign{false};  // throws a library's exception, not an HttpError
  std::atomic<std::int64_t>* now;
  std::int64_t lifetime = 3600;
  std::optional<std::int64_t> refreshIn;
  std::chrono::milliseconds latency{0};

  explicit FakeCredential(std::atomic<std::int64_t>* clock) : now(clock) {}
  AccessToken getToken(const TokenRequestContext& context, const http::CallControl&) override {
    const int n = ++calls;
    std::this_thread::sleep_for(latency);
    if (failing) http::throwError(http::ErrorReason::Unavailable, "token endpoint down");
    if (failsForeign) throw std::runtime_error("key unwrap failed for s3cr3t-Canary-7731");
    AccessToken token{context.scope + "#" + std::to_string(n), now->load() + lifetime, std::nullopt};
    if (refreshIn) token.refreshOnUnixS = now->load() + *refreshIn;
    return token;
  }
  using TokenCredential::getToken;
  std::string describe() const override { return "fake"; }
};

struct CacheFixture : ::testing::Test {
  std::atomic<std::int64_t> now{1'700'000'000};
  std::shared_ptr<FakeCredential> inner = std::make_shared<FakeCredential>(&now);
  std::shared_ptr<CachingCredential> cache;
  void SetUp() override {
    TokenCacheOptions options;
    options.clock = [this] { return now.load(); };
    cache = std::make_shared<CachingCredential>(inner, options);
  }
  std::string token(const std::string& scope = "arm/.default") {
    return cache->getToken(scope, http::CallControl()).token;
  }
};

}  // namespace

TEST_F(CacheFixture, ReusesATokenUntilFiveMinutesBeforeExpiry) {
  EXPECT_EQ(token(), "arm/.default#1");
  now += 3600 - 301;
  EXPECT_EQ(token(), "arm/.default#1");
  EXPECT_EQ(inner->calls.load(), 1);
  now += 2;  // inside the 5-minute window
  EXPECT_EQ(token(), "arm/.default#2");
}

TEST_F(CacheFixture, KeepsOneEntryPerScope) {
  EXPECT_EQ(token("arm/.default"), "arm/.default#1");
  EXPECT_EQ(token("ml/.default"), "ml/.default#2");
  EXPECT_EQ(token("arm/.default"), "arm/.default#1");
  EXPECT_EQ(inner->calls.load(), 2);
}

TEST_F(CacheFixture, HonoursRefreshIn) {
  inner->refreshIn = 600;
  token();
  now += 599;
  token();
  EXPECT_EQ(inner->calls.load(), 1);
  now += 2;
  EXPECT_EQ(token(), "arm/.default#2");
}

TEST_F(CacheFixture, KeepsServingTheValidTokenWhenARefreshFailsAndRetriesAtMostEvery30Seconds) {
  token();
  now += 3600 - 200;  // in the refresh window, still valid
  inner->failing = true;
  EXPECT_EQ(token(), "arm/.default#1");
  EXPECT_EQ(inner->calls.load(), 2);
  now += 10;
  EXPECT_EQ(token(), "arm/.default#1");
  EXPECT_EQ(inner->calls.load(), 2);  // throttled
  now += 25;
  EXPECT_EQ(token(), "arm/.default#1");
  EXPECT_EQ(inner->calls.load(), 3);
  inner->failing = false;
  now += 30;
  EXPECT_EQ(token(), "arm/.default#4");
}

TEST_F(CacheFixture, NeverServesAnExpiredToken) {
  token();
  inner->failing = true;
  now += 3601;
  EXPECT_THROW(token(), http::HttpError);
}

// Concurrency tests: suites named *Concurrency carry the ctest label "concurrency" and also run under
// ThreadSanitizer (tests/DiscoverHttpStackTests.cmake).
class TokenCacheConcurrency : public CacheFixture {};

TEST_F(TokenCacheConcurrency, CallersShareASingleTokenRequest) {
  inner->latency = std::chrono::milliseconds(100);
  std::vector<std::thread> threads;
  std::atomic<int> served{0};
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i)
        if (token() == "arm/.default#1") ++served;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(served.load(), 16 * 20);
  EXPECT_EQ(inner->calls.load(), 1);
}

TEST_F(TokenCacheConcurrency, WaitersShareTheErrorOfTheRequestInFlight) {
  inner->latency = std::chrono::milliseconds(100);
  inner->failing = true;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      try {
        token();
      } catch (const http::HttpError&) {
        ++failures;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 8);
  EXPECT_LT(inner->calls.load(), 8);
}

TEST_F(TokenCacheConcurrency, WaitersForAFetchThatFailedOtherwiseGetAnAuthenticationErrorWithoutTheSecret) {
  const auto canary = http::Redactor::registerSecret("s3cr3t-Canary-7731");
  inner->latency = std::chrono::milliseconds(100);
  inner->failsForeign = true;
  std::vector<std::thread> threads;
  std::atomic<int> leaders{0}, waiters{0}, leaked{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      try {
        token();
      } catch (const http::HttpError& e) {
        ++waiters;
        const std::string what = e.what();
        if (what.find("s3cr3t-Canary-7731") != std::string::npos) ++leaked;
        EXPECT_EQ(e.reason(), http::ErrorReason::Authentication);
        EXPECT_NE(what.find("key unwrap failed"), std::string::npos) << what;
        EXPECT_NE(what.find("check the sign-in settings"), std::string::npos) << what;
      } catch (const std::runtime_error&) {
        ++leaders;  // the thread that fetched gets its own exception as it was
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(leaders.load() + waiters.load(), 8);
  EXPECT_GE(leaders.load(), 1);
  EXPECT_GE(waiters.load(), 1) << "the fetch takes 100 ms: the other threads wait for it";
  EXPECT_EQ(leaked.load(), 0);
}

TEST_F(CacheFixture, InvalidateDropsOnlyTheRejectedToken) {
  const auto first = token();
  cache->invalidate(TokenRequestContext{"arm/.default", {}}, "some other token");
  EXPECT_EQ(token(), first);
  cache->invalidate(TokenRequestContext{"arm/.default", {}}, first);
  EXPECT_EQ(token(), "arm/.default#2");
}
