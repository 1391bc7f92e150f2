/** Tests of the rubric-use policy and of rubric owner scopes, through the API. */
package cn.perfledger.app.rubric;
