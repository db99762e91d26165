#include "http/AccessToken.h"

#include <chrono>

namespace aifoundry::http {

std::int64_t systemUnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace aifoundry::http
