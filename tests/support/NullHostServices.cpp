#include "NullHostServices.h"

#include "core/JobTypeError.h"

namespace aifoundry::core {

AccessToken NullHostServices::tokenForScope(const std::string&, const std::string&) const {
  throw JobTypeError(ErrorCode::Authentication,
                     "the host offers no identity of its own; choose another Authentication Method");
}

const NullHostServices& NullHostServices::instance() noexcept {
  // A function-local constant with a trivial constructor: no work at load time.
  static const NullHostServices services;
  return services;
}

}  // namespace aifoundry::core
