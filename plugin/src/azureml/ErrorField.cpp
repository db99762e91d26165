#include "azureml/ErrorField.h"

namespace aifoundry::azureml {

ErrorField ErrorField::read(common::JsonView error) {
  ErrorField out;
  if (!error.isObject()) {
    out.message = common::nonEmptyTextOf(error);
    return out;
  }
  if (const auto inner = error.member("error"); inner && inner->isObject()) {
    out.code = common::nonEmptyTextOf(inner->member("code"));
    out.message = common::nonEmptyTextOf(inner->member("message"));
  }
  if (!out.code) out.code = common::nonEmptyTextOf(error.member("code"));
  if (!out.message) out.message = common::nonEmptyTextOf(error.member("message"));
  return out;
}

}  // namespace aifoundry::azureml
