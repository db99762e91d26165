// RunName: the name of a new run's Azure ML job, which is also the Polysync RunId.
// Names match ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$, start with the template's name (sanitised, cut to
// kMaxPrefix characters) and end in "_" + a suffix:
//   - with an idempotency key: the first 20 hex digits of SHA-256(template name, key): the same (template,
//   key)
//     always gives the same name, which is what makes a retried run find the job it already submitted;
//   - without one: 16 hex digits from caller-supplied randomness (pass std::random_device output in
//   production,
//     a fixed value in tests).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aifoundry::azureml {

class RunName {
 public:
  static constexpr std::size_t kMaxPrefix = 200;
  static constexpr std::size_t kKeyedSuffixHexDigits = 20;

  static std::string forIdempotencyKey(std::string_view templateName, std::string_view idempotencyKey);
  static std::string withRandomSuffix(std::string_view templateName, std::uint64_t randomBits);
  // Convenience: withRandomSuffix(templateName, <64 bits from std::random_device>).
  static std::string withRandomSuffix(std::string_view templateName);

  // The template name reduced to [a-zA-Z0-9_-], starting with a letter or digit ("pipeline" when nothing is
  // left), at most kMaxPrefix characters.
  static std::string prefixFor(std::string_view templateName);
};

}  // namespace aifoundry::azureml
