#include "arm/http/RequestIdPolicy.h"

#include <Poco/UUIDGenerator.h>

namespace aifoundry::arm {

std::string newGuid() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

HttpResponse RequestIdPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    if (!request.headers.has(kHeader)) request.headers.set(kHeader, newGuid());
    return next(request, control);
}

}  // namespace aifoundry::arm
