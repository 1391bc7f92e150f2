/** Read models kept by event processors (the department/year directory) and direct reads of aggregate streams. */
package cn.perfledger.app.readmodel;
