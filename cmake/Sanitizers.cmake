# Sanitizers apply to every target, so the plugin, the host that loads it and the tests agree on the runtime.
if(POLYSYNC_SANITIZE)
  message(STATUS "Sanitizers: ${POLYSYNC_SANITIZE}")
  add_compile_options(-fsanitize=${POLYSYNC_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${POLYSYNC_SANITIZE})
endif()

# polysync_test_code(): called first in a folder of tests. Under the sanitizers that folder's code is compiled
# without optimisation: test code is most of what a sanitizer preset compiles, and gtest's expanded macros
# compile much faster unoptimised. What the tests exercise, the product and emulator libraries, keeps the
# preset's -O1 (the sanitizers' recommended level).
function(polysync_test_code)
  if(POLYSYNC_SANITIZE)
    add_compile_options(-O0)
  endif()
endfunction()
