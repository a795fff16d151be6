# Runs CMD with ARGS and fails unless it exits with EXPECT (CTest alone cannot assert a particular code).
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "expected exit status ${EXPECT}, got ${rc}")
endif()
