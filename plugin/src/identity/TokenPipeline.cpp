#include "identity/TokenPipeline.h"

#include "arm/http/JsonResponsePolicy.h"
#include "arm/http/LoggingPolicy.h"
#include "arm/http/RequestIdPolicy.h"
#include "arm/http/StandardHeadersPolicy.h"
#include "identity/TokenReplyPolicy.h"

namespace aifoundry::identity {

std::shared_ptr<arm::HttpPipeline> makeTokenPipeline(std::shared_ptr<arm::HttpTransport> transport,
                                                     const arm::RetryOptions& retry, const arm::LogSink& log) {
    std::vector<std::shared_ptr<arm::HttpPolicy>> policies{
        std::make_shared<arm::RequestIdPolicy>(),
        std::make_shared<arm::StandardHeadersPolicy>(transport->options().userAgent),
        std::make_shared<arm::RetryPolicy>(retry, log),
        std::make_shared<TokenReplyPolicy>(),
        std::make_shared<arm::LoggingPolicy>(log),
        std::make_shared<arm::JsonResponsePolicy>(),
    };
    return std::make_shared<arm::HttpPipeline>(std::move(policies), std::move(transport));
}

}  // namespace aifoundry::identity
