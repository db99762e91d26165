#include "identity/TokenPipeline.h"

#include "http/JsonResponsePolicy.h"
#include "http/LoggingPolicy.h"
#include "http/RequestIdPolicy.h"
#include "http/StandardHeadersPolicy.h"
#include "identity/TokenReplyPolicy.h"

namespace aifoundry::identity {

std::shared_ptr<http::HttpPipeline> makeTokenPipeline(std::shared_ptr<http::HttpTransport> transport,
                                                      const http::RetryOptions& retry,
                                                      const http::LogSink& log) {
  std::vector<std::shared_ptr<http::HttpPolicy>> policies{
      std::make_shared<http::RequestIdPolicy>(),
      std::make_shared<http::StandardHeadersPolicy>(transport->options().userAgent),
      std::make_shared<http::RetryPolicy>(retry, log),
      std::make_shared<TokenReplyPolicy>(),
      std::make_shared<http::LoggingPolicy>(log),
      std::make_shared<http::JsonResponsePolicy>(),
  };
  return std::make_shared<http::HttpPipeline>(std::move(policies), std::move(transport));
}

}  // namespace aifoundry::identity
